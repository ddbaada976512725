from multiprocessing import Event, Process
from multiprocessing.synchronize import Event as EventType


def wait_for(stop: EventType) -> None:
    stop.wait()


if __name__ == '__main__':
    stop = Event()
    p = Process(target=wait_for, args=(stop,))
    p.start()
    try:
        p.close()
    except ValueError as e:
        print('运行中调用 close()：%s' % e)
    stop.set()
    p.join()
    print('join() 之后：is_alive()=%s, exitcode=%s' % (p.is_alive(), p.exitcode))
    p.close()  # 释放这个 Process 对象占用的资源（用来等待子进程的文件描述符等）
    print('close() 之后还能看名字：%s' % p.name)
    try:
        p.is_alive()
    except ValueError as e:
        print('close() 之后调用 is_alive()：%s' % e)
