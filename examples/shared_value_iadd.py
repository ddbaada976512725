import time
from multiprocessing import Barrier, Process, Value

WORKERS = 4
ITEMS = 10


def price(item):
    time.sleep(0.002)  # 假装要算一会儿
    return 1


def add_prices(total, start):
    start.wait()  # 等所有子进程都就绪，再一起开始
    for item in range(ITEMS):
        total.value += price(item)  # 读 total.value、调用 price()、再写回


def add_prices_locked(total, start):
    start.wait()
    for item in range(ITEMS):
        cost = price(item)  # 耗时的部分放在锁外面
        with total.get_lock():  # Value 自带的锁
            total.value += cost


def run(add):
    total = Value('i', 0)
    start = Barrier(WORKERS)
    workers = [Process(target=add, args=(total, start)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    return total.value


if __name__ == '__main__':
    expected = WORKERS * ITEMS
    total = run(add_prices)
    if total < expected:
        print('只用 +=：结果 %d，少于 %d' % (total, expected))
    else:
        print('只用 +=：结果 %d，这一次没有丢失更新' % total)
    print('用 get_lock()：结果 %d' % run(add_prices_locked))
    print('lock=False 的 Value 有 get_lock() 吗？', hasattr(Value('i', 0, lock=False), 'get_lock'))
