# 用错了 Queue：multiprocessing.Queue 不能作为参数交给进程池
from multiprocessing import Pool, Queue
import os

def reader(q):
    print("reader启动(%s),父进程为(%s)" % (os.getpid(), os.getppid()))
    for _ in range(q.qsize()):
        print("reader从Queue获取到消息：%s" % q.get(True))

def writer(q):
    print("writer启动(%s),父进程为(%s)" % (os.getpid(), os.getppid()))
    for i in "DrSHW":
        q.put(i)

if __name__=="__main__":
    print("(%s) start" % os.getpid())
    q = Queue()  # 错误：应该用 Manager().Queue()
    po = Pool()
    po.apply_async(writer, (q, ))
    po.apply_async(reader, (q, ))
    po.close()
    po.join()
    print("(%s) End" % os.getpid())
