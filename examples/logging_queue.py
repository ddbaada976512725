import logging
import logging.handlers
from multiprocessing import Process, Queue


def work(queue, number):
    # 每个子进程只装一个 QueueHandler：日志记录经队列送回主进程
    root = logging.getLogger()
    root.addHandler(logging.handlers.QueueHandler(queue))
    root.setLevel(logging.INFO)
    logging.info("任务 %d 开始", number)
    logging.info("任务 %d 完成", number)


if __name__ == "__main__":
    queue = Queue()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(processName)s %(levelname)s: %(message)s"))
    listener = logging.handlers.QueueListener(queue, handler)  # 在主进程的一个线程里写日志
    listener.start()
    workers = [Process(target=work, args=(queue, n), name=f"工作进程{n}") for n in (1, 2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    listener.stop()  # 写完队列里剩下的记录再返回
    print("全部日志都已写出")
