import time
from multiprocessing import Event, Process


def worker(number, stop):
    while not stop.is_set():
        time.sleep(0.05)  # 一轮工作
    print('子进程 %d：收到停止信号' % number)


if __name__ == '__main__':
    stop = Event()
    workers = [Process(target=worker, args=(n, stop)) for n in range(3)]
    for p in workers:
        p.start()
    time.sleep(0.2)
    stop.set()
    for p in workers:
        p.join()
    print('全部停下了')
