import time
from multiprocessing import Event, Process
from multiprocessing.synchronize import Event as EventType


def start_grandchild() -> None:
    try:
        Process(target=print).start()
    except AssertionError as e:
        print('守护进程不能创建子进程：%s' % e)


def watch(ready: EventType) -> None:
    start_grandchild()
    try:
        ready.set()
        time.sleep(30)  # 守护进程通常是一个永远不会自己结束的循环
    finally:
        print('守护进程：finally 执行了')


if __name__ == '__main__':
    ready = Event()
    p = Process(target=watch, args=(ready,), daemon=True)
    p.start()
    ready.wait()
    print('主进程：要退出了，守护进程还在运行：%s' % p.is_alive())
