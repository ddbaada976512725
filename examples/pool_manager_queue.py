# 修改import中的Queue为Manager
from multiprocessing import Manager, Pool
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
    q = Manager().Queue()  # 需要使用Manager中的Queue
    po = Pool()
    w = po.apply_async(writer, (q, ))

    # 先让上面的任务向Queue存入数据，然后再让下面的任务开始从中取数据：
    # get() 等到 writer 真正返回，既可靠又不必多等
    w.get()

    po.apply_async(reader, (q, ))
    po.close()
    po.join()
    print("(%s) End" % os.getpid())
