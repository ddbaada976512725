import time
from multiprocessing import Barrier, Lock, Process, Value

lock = Lock()  # 放在模块顶层：子进程用的是不是这一把锁，取决于启动方式
WORKERS = 4
TIMES = 25


def add(counter, start):
    start.wait()
    for _ in range(TIMES):
        with lock:
            current = counter.value
            time.sleep(0.001)
            counter.value = current + 1


if __name__ == '__main__':
    counter = Value('i', 0)
    start = Barrier(WORKERS)
    workers = [Process(target=add, args=(counter, start)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    expected = WORKERS * TIMES
    if counter.value < expected:
        print('结果 %d，少于 %d：子进程用的不是同一把锁' % (counter.value, expected))
    else:
        print('结果 %d：子进程用的是同一把锁' % counter.value)
