import time
from multiprocessing import Event, Process
from multiprocessing.connection import wait
from multiprocessing.synchronize import Event as EventType


def work(seconds: float, ready: EventType, go: EventType) -> None:
    ready.set()
    go.wait()  # 三个子进程从同一时刻开始计时，启动得快慢不影响谁先结束
    time.sleep(seconds)


if __name__ == '__main__':
    go = Event()
    running = []
    for name, seconds in (('甲', 0.5), ('乙', 0.1), ('丙', 0.3)):
        ready = Event()
        p = Process(target=work, args=(seconds, ready, go), name=name)
        p.start()
        ready.wait()
        running.append(p)
    go.set()
    while running:
        ended = wait([p.sentinel for p in running])  # 至少有一个子进程结束时才返回
        for p in [p for p in running if p.sentinel in ended]:
            running.remove(p)
            p.join()  # 已经结束了，join() 立即返回
            print('%s 结束了，退出码 %s' % (p.name, p.exitcode))
