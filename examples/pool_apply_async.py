from multiprocessing import Pool, cpu_count
import os, time, random

def worker(msg):
    t_start = time.time()
    print("%s开始执行,进程号为%d" % (msg, os.getpid()))
    # random.random()随机生成0~1之间的浮点数
    time.sleep(random.random() * 0.5)  # 原文为 random.random() * 2，缩短以便快速运行
    t_stop = time.time()
    print(msg, "执行完毕，耗时%0.2f" % (t_stop - t_start))

if __name__ == '__main__':
    # 获取cpu核心数（原文写 cpu_count = cpu_count()，见下文的勘误）
    print("cpu核心数为%d" % cpu_count())
    # 原文按核心数开进程池、提交任务；这里固定为 4，让输出在任何机器上都一样
    po = Pool(4)
    for i in range(0, 4):
        po.apply_async(worker, (i,))
    print("----start----")
    po.close()  # 关闭进程池，关闭后po不再接收新的请求
    po.join()  # 等待po中所有子进程执行完成，必须放在close语句之后
    print("-----end-----")
