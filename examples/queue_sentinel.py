import time
from multiprocessing import Process, Queue

# 写数据进程执行的代码：写完后放入一个结束标记 None
def write(q):
    time.sleep(1)
    for value in ['A', 'B', 'C']:
        print('Put %s to queue...' % value)
        q.put(value)
    q.put(None)

# 读数据进程执行的代码：阻塞地 get()，直到读到结束标记
def read(q):
    while True:
        value = q.get(True)
        if value is None:
            break
        print('Get %s from queue.' % value)

if __name__=='__main__':
    q = Queue()
    pw = Process(target=write, args=(q,))
    pr = Process(target=read, args=(q,))
    pw.start()
    pr.start()
    pw.join()
    pr.join()
    print('所有数据都写入并且读完')
