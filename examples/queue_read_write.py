import random
import time
from multiprocessing import Process, Queue


# 写数据进程执行的代码:
def write(q):
    for value in ['A', 'B', 'C']:
        print('Put %s to queue...' % value)
        q.put(value)
        time.sleep(random.random() * 0.3)


# 读数据进程执行的代码:
def read(q):
    while True:
        if not q.empty():           # 读完队列的内容后（即队列的状态为空 ）则退出循环
            value = q.get(True)
            print('Get %s from queue.' % value)
            time.sleep(random.random() * 0.3)
        else:
            break


if __name__ == '__main__':
    # 父进程创建Queue，并传给各个子进程（子进程拿到的是副本，副本连着同一条管道）
    q = Queue()
    pw = Process(target=write, args=(q,))
    pr = Process(target=read, args=(q,))
    # 启动子进程pw，写入:
    pw.start()
    # 等待pw结束:
    pw.join()
    # 启动子进程pr，读取:
    pr.start()
    # 等待pr结束
    pr.join()
    print('所有数据都写入并且读完')
