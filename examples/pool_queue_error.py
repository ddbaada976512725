# 用错了 Queue，并且用 get() 取回任务的结果
from multiprocessing import Pool, Queue
import os

def writer(q):
    print("writer启动(%s),父进程为(%s)" % (os.getpid(), os.getppid()))
    for i in "DrSHW":
        q.put(i)

if __name__=="__main__":
    print("(%s) start" % os.getpid())
    q = Queue()  # 错误：应该用 Manager().Queue()
    po = Pool()
    ret = po.apply_async(writer, (q, ))
    # 任务根本没能发给子进程：异常保存在 ret 里，get() 时才抛出
    ret.get()
    po.close()
    po.join()
    print("(%s) End" % os.getpid())
