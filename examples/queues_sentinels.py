from multiprocessing import Process, Queue
from multiprocessing.connection import wait

CONSUMERS = 3


def consume(tasks: 'Queue[int | None]') -> None:
    while tasks.get() is not None:
        pass  # 处理任务
    print('一个消费者收到哨兵，退出')


if __name__ == '__main__':
    tasks: 'Queue[int | None]' = Queue()
    consumers = [Process(target=consume, args=(tasks,)) for _ in range(CONSUMERS)]
    for p in consumers:
        p.start()
    for n in range(6):
        tasks.put(n)
    tasks.put(None)  # 错误：三个消费者只放了一个哨兵
    exited = wait([p.sentinel for p in consumers])  # 等到有一个消费者退出
    for p in consumers:
        if p.sentinel in exited:
            p.join()  # 它已经结束了，join() 回收它，is_alive() 才会返回 False
    print('还在等的消费者：%d 个' % sum(p.is_alive() for p in consumers))
    for _ in range(CONSUMERS - 1):
        tasks.put(None)  # 补上：每个消费者一个哨兵
    for p in consumers:
        p.join()
    print('全部消费者都退出了')
