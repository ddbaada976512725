from multiprocessing import Process
import os

nums = [11, 22]

def work():
    """ 子进程要执行的代码 """
    print("in child pid=%d ,nums=%s" % (os.getpid(), nums))

if __name__ == '__main__':
    nums.append(33)  # 在 start() 之前，主进程修改了全局变量
    print("in parent pid=%d ,nums=%s" % (os.getpid(), nums))
    p = Process(target=work)
    p.start()
    p.join()
