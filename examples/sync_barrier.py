import time
from multiprocessing import Barrier, Process
from threading import BrokenBarrierError  # multiprocessing 的 Barrier 抛出的就是它


def worker(number, barrier):
    time.sleep(0.05 * number)  # 各自的准备工作，长短不同
    print('子进程 %d：第一阶段完成' % number)
    index = barrier.wait()  # 等齐所有进程，再一起往下走
    if index == 0:  # wait() 的返回值各不相同，恰好有一个进程拿到 0
        print('—— 全部到齐 ——')
    barrier.wait()  # 栅栏可以反复使用：等“全部到齐”打印完
    print('子进程 %d：第二阶段' % number)


def late_worker(barrier):
    try:
        barrier.wait(timeout=0.3)
    except BrokenBarrierError:
        print('等了 0.3 秒，人没到齐：BrokenBarrierError')


if __name__ == '__main__':
    barrier = Barrier(3)
    workers = [Process(target=worker, args=(n, barrier)) for n in range(3)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()

    barrier = Barrier(2)  # 需要 2 个进程，却只来了 1 个
    p = Process(target=late_worker, args=(barrier,))
    p.start()
    p.join()
