from multiprocessing import Process
from threading import Thread, get_native_id
import os

nums = [11, 22]

def work(who):
    """线程和子进程都执行这段代码：打印自己是谁，再改全局变量"""
    print('%s：进程号 %d，线程号 %d' % (who, os.getpid(), get_native_id()))
    nums.append(who)

if __name__ == '__main__':
    work('主线程')
    t = Thread(target=work, args=('新线程',))
    t.start()
    t.join()
    p = Process(target=work, args=('子进程',))
    p.start()
    p.join()
    print('主线程看到的 nums：%s' % nums)
