import signal
import time
from multiprocessing import Event, Process
from multiprocessing.synchronize import Event as EventType
from types import FrameType


def exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)  # 把 SIGTERM 变成一个普通的退出，finally 照常执行


def work(ready: EventType) -> None:
    signal.signal(signal.SIGTERM, exit_on_sigterm)
    try:
        ready.set()
        time.sleep(10)
    finally:
        print('子进程：finally 执行了，临时文件已删除')


if __name__ == '__main__':
    ready = Event()
    p = Process(target=work, args=(ready,))
    p.start()
    ready.wait()  # 信号处理函数装好之后再发信号
    p.terminate()
    p.join()
    print('terminate()：退出码 %s' % p.exitcode)
