import time
from multiprocessing import Process
from multiprocessing.connection import wait


def state_of(pid: int) -> str:
    """读 /proc/<pid>/status 里的 State 一行（Linux），进程已被回收时返回“不存在”"""
    try:
        with open('/proc/%d/status' % pid) as f:
            for line in f:
                if line.startswith('State:'):
                    return line.split(None, 1)[1].strip()
    except FileNotFoundError:
        pass
    return '不存在'


if __name__ == '__main__':
    p = Process(target=print, args=('子进程：马上就结束',))
    p.start()
    assert p.pid is not None
    wait([p.sentinel])  # 等子进程结束；wait() 不回收子进程
    deadline = time.monotonic() + 5
    while state_of(p.pid) not in ('Z (zombie)', '不存在') and time.monotonic() < deadline:
        time.sleep(0.01)  # 子进程刚结束的一瞬间，状态可能还没变成 Z
    print('子进程结束后、join() 之前：%s' % state_of(p.pid))
    p.join()
    print('join() 之后：%s' % state_of(p.pid))
