import time
from multiprocessing import Event, Process, active_children
from multiprocessing.synchronize import Event as EventType


def wait_for(stop: EventType) -> None:
    stop.wait()


def names() -> list[str]:
    return sorted(p.name for p in active_children())


def wait_until_gone(name: str) -> None:
    while name in names():  # active_children() 每次都顺便回收已经结束的子进程
        time.sleep(0.01)


if __name__ == '__main__':
    stops = {name: Event() for name in ('甲', '乙', '丙')}
    for name, stop in stops.items():
        Process(target=wait_for, args=(stop,), name=name).start()
    print('正在运行：%s' % names())
    stops['乙'].set()
    wait_until_gone('乙')
    print('乙结束后：%s' % names())
    for name, stop in stops.items():
        stop.set()
        wait_until_gone(name)
    print('全部结束后：%s' % names())
