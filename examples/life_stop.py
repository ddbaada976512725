import sys
import time
from multiprocessing import Event, Process
from multiprocessing.synchronize import Event as EventType


def work(ready: EventType) -> None:
    try:
        ready.set()  # 告诉主进程：已经进入 try 块
        time.sleep(10)
    except KeyboardInterrupt:
        print('  子进程：收到 KeyboardInterrupt')
    finally:
        print('  子进程：finally 执行了')


def stop_with(how: str) -> None:
    ready = Event()
    p = Process(target=work, args=(ready,))
    p.start()
    ready.wait()
    getattr(p, how)()  # p.terminate()、p.kill() 或 p.interrupt()
    p.join()
    print('%s()：退出码 %s' % (how, p.exitcode))


if __name__ == '__main__':
    stop_with('terminate')
    stop_with('kill')
    if sys.version_info >= (3, 14):
        stop_with('interrupt')
    else:
        print('interrupt()：Python %d.%d 还没有这个方法' % sys.version_info[:2])
