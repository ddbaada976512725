import time
from multiprocessing import Event, Process
from multiprocessing.connection import wait
from multiprocessing.synchronize import Event as EventType


def work(seconds: float, ready: EventType) -> None:
    ready.set()
    time.sleep(seconds)


def start_all(plan: dict[str, float]) -> list[Process]:
    children = []
    for name, seconds in plan.items():
        ready = Event()
        p = Process(target=work, args=(seconds, ready), name=name)
        p.start()
        ready.wait()
        children.append(p)
    return children


if __name__ == '__main__':
    running = start_all({'快': 0.05, '中': 0.1, '慢': 10})
    deadline = time.monotonic() + 0.5  # 所有子进程一共最多等 0.5 秒
    while running:
        ended = wait([p.sentinel for p in running], timeout=max(0.0, deadline - time.monotonic()))
        if not ended:  # 超时了：结束还在运行的子进程
            for p in running:
                p.terminate()
                p.join()
                print('%s 超时，被 terminate() 结束，退出码 %s' % (p.name, p.exitcode))
            break
        for p in [p for p in running if p.sentinel in ended]:
            running.remove(p)
            p.join()
            print('%s 按时结束，退出码 %s' % (p.name, p.exitcode))
