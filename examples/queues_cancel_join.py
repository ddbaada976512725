import queue
from multiprocessing import Event, Process, Queue
from multiprocessing.synchronize import Event as EventType

COUNT = 1000


def produce(q: 'Queue[bytes]', first_received: EventType) -> None:
    for _ in range(COUNT):
        q.put(b'x' * 1000)  # 1000 条，约 1 MB，管道装不下
    first_received.wait()  # 等主进程收到第一条，确定馈送线程已经开始写了
    q.cancel_join_thread()  # 退出时不等馈送线程把数据写完


if __name__ == '__main__':
    q: 'Queue[bytes]' = Queue()
    first_received = Event()
    p = Process(target=produce, args=(q, first_received))
    p.start()
    q.get()
    first_received.set()
    p.join()  # 不会卡住：子进程不等馈送线程
    print('子进程结束了，退出码 %s' % p.exitcode)
    received = 1
    try:
        while True:
            q.get(timeout=0.5)
            received += 1
    except queue.Empty:
        pass
    if received < COUNT:
        print('只收到了一部分：放入了 %d 条，其余的随子进程一起丢了' % COUNT)
    else:
        print('%d 条全部收到' % received)
