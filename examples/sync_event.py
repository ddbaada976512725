import time
from multiprocessing import Event, Process


def worker(number, ready):
    ready.wait()  # 事件没有设置时，在这里阻塞
    print('子进程 %d：开始处理' % number)


if __name__ == '__main__':
    ready = Event()
    workers = [Process(target=worker, args=(n, ready)) for n in range(3)]
    for p in workers:
        p.start()
    time.sleep(0.3)  # 假装在准备数据
    print('主进程：数据准备好了')
    ready.set()  # 所有等待的进程一起被唤醒
    for p in workers:
        p.join()
    print('事件已设置：', ready.is_set())
    ready.clear()
    print('clear() 之后再等 0.2 秒：', ready.wait(timeout=0.2))
