import os
import time
from multiprocessing import Process, Queue


def describe(pid: int) -> str:
    with open('/proc/%d/cmdline' % pid) as f:  # Linux：进程的命令行
        is_forkserver = 'forkserver' in f.read()
    return 'forkserver 服务进程' if is_forkserver else '进程 %d' % pid


def grandchild(report: 'Queue[str]', killed: 'Queue[str]') -> None:
    parent = os.getppid()
    report.put('孙进程的父进程：%s' % describe(parent))
    killed.get()  # 等主进程说“子进程已经被结束了”
    if os.getppid() == parent:
        report.put('孙进程还活着，父进程没变')
    else:
        report.put('孙进程还活着，父进程换成了 %d' % os.getppid())


def child(report: 'Queue[str]', killed: 'Queue[str]') -> None:
    Process(target=grandchild, args=(report, killed)).start()
    time.sleep(10)  # 子进程还在工作，就被主进程结束了


if __name__ == '__main__':
    report: 'Queue[str]' = Queue()
    killed: 'Queue[str]' = Queue()
    p = Process(target=child, args=(report, killed))
    p.start()
    print('子进程是进程 %s' % p.pid)
    print(report.get())
    p.kill()
    p.join()
    print('子进程被 kill() 结束，退出码 %s' % p.exitcode)
    killed.put('子进程已结束')
    print(report.get())
