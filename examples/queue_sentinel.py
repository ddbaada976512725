import time
from multiprocessing import Process, Queue


# 写数据进程执行的代码：写完后放入哨兵 None
def write(q):
    time.sleep(0.5)  # 假装准备数据要花一点时间
    for value in ['A', 'B', 'C']:
        print('Put %s to queue...' % value)
        q.put(value)
    q.put(None)  # 哨兵：告诉读进程“没有更多数据了”


# 读数据进程执行的代码：一直读，读到哨兵才结束
def read(q):
    while True:
        value = q.get()  # 队列是空的就等着，直到有数据
        if value is None:
            break
        print('Get %s from queue.' % value)


if __name__ == '__main__':
    q = Queue()
    pw = Process(target=write, args=(q,))
    pr = Process(target=read, args=(q,))
    pw.start()
    pr.start()
    pw.join()
    pr.join()
    print('所有数据都写入并且读完')
