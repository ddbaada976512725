# 用错了 Queue：multiprocessing.Queue 不能作为参数交给进程池
from multiprocessing import Pool, Queue
import os, time

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

    time.sleep(1)  # 先让上面的任务向Queue存入数据，然后再让下面的任务开始从中取数据

    po.apply_async(reader, (q, ))
    po.close()
    po.join()
    print("(%s) End" % os.getpid())
