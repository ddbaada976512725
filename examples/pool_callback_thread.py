from multiprocessing import Pool
import os, threading, time

def square(x):
    return x * x

def slow_callback(res):
    print('回调收到 %d：进程 %d，线程 %s' % (res, os.getpid(), threading.current_thread().name))
    time.sleep(0.5)  # 一个很慢的回调

if __name__ == '__main__':
    print('主进程 %d，主线程 %s' % (os.getpid(), threading.current_thread().name))
    with Pool(1) as po:  # 只有一个工作进程：两个任务按提交的顺序执行，结果也按这个顺序送回
        start = time.monotonic()
        po.apply_async(square, (1,), callback=slow_callback)
        second = po.apply_async(square, (2,))
        print('第二个任务的结果：%d' % second.get())
        print('等了 0.5 秒以上：', time.monotonic() - start >= 0.5)
