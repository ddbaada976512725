import time
from multiprocessing import Barrier, Lock, Process, Value

WORKERS = 4
TIMES = 25  # 每个子进程加 25 次


def add_without_lock(counter, start, lock):  # 拿到了锁，却不用它
    start.wait()  # 等所有子进程都准备好，再一起开始
    for _ in range(TIMES):
        current = counter.value  # 读
        time.sleep(0.001)  # 读和写之间，别的进程可能插进来
        counter.value = current + 1  # 写


def add_with_lock(counter, start, lock):
    start.wait()
    for _ in range(TIMES):
        with lock:  # 同一时刻只有一个进程能执行下面三行
            current = counter.value
            time.sleep(0.001)
            counter.value = current + 1


def run(add):
    counter = Value('i', 0)  # 一个所有子进程共用的整数
    start = Barrier(WORKERS)
    lock = Lock()
    workers = [Process(target=add, args=(counter, start, lock)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    return counter.value


if __name__ == '__main__':
    expected = WORKERS * TIMES
    total = run(add_without_lock)
    if total < expected:
        print('不加锁：结果 %d，少于 %d，丢失了 %d 次更新' % (total, expected, expected - total))
    else:
        print('不加锁：结果 %d，这一次没有丢失更新' % total)
    print('加锁：结果 %d' % run(add_with_lock))
