from threading import Thread
import time

def count(n):
    """纯 Python 的计算：只用 CPU，不等待任何东西"""
    while n > 0:
        n -= 1

if __name__ == '__main__':
    threads = [Thread(target=count, args=(3_000_000,)) for _ in range(2)]
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall_start   # 经过的时间
    cpu = time.process_time() - cpu_start     # 本进程的所有线程用掉的 CPU 时间之和
    print('两个线程一起计算：经过 %.2f 秒，用掉 CPU %.2f 秒' % (wall, cpu))
    print('CPU 时间没有超过经过的时间：%s' % (cpu <= wall * 1.05))
