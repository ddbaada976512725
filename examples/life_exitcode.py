import signal
import sys
import time
from multiprocessing import Process


def finish_normally() -> None:
    print('子进程：正常返回')


def call_sys_exit() -> None:
    sys.exit(3)


def raise_error() -> None:
    raise ValueError('出错了')


def sleep_long() -> None:
    time.sleep(10)


if __name__ == '__main__':
    for target in (finish_normally, call_sys_exit, raise_error, sleep_long):
        p = Process(target=target)
        p.start()
        if target is sleep_long:
            p.kill()  # 发送 SIGKILL（9 号信号），子进程没有机会做任何事
        p.join()
        print('%s 的退出码：%s' % (target.__name__, p.exitcode))
    print('SIGKILL 的编号：%d' % signal.SIGKILL)
