from multiprocessing import Event, Process, Queue
from multiprocessing.synchronize import Event as EventType


def produce(q: 'Queue[str]', returned: EventType) -> None:
    q.put('x' * 1_000_000)  # 约 1 MB，管道一次装不下
    print('子进程：put() 已返回，函数执行完了')
    returned.set()


if __name__ == '__main__':
    q: 'Queue[str]' = Queue()
    returned = Event()
    p = Process(target=produce, args=(q, returned))
    p.start()
    returned.wait()  # 子进程的函数已经执行完了
    p.join(timeout=0.5)  # 错误的顺序：先等子进程结束，再取数据
    print('又等了 0.5 秒，子进程还活着：%s' % p.is_alive())
    data = q.get()  # 取走数据，子进程的馈送线程才能写完，子进程才能退出
    p.join()
    print('取出 %d 个字符后，子进程结束了，退出码 %s' % (len(data), p.exitcode))
