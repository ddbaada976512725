from multiprocessing import Pool, cpu_count
import os, time, random

def worker(msg):
    t_start = time.time()
    print("%s开始执行,进程号为%d" % (msg, os.getpid()))
    # random.random()随机生成0~1之间的浮点数
    time.sleep(random.random() * 0.5)
    t_stop = time.time()
    res = str(msg) + ("执行完毕，耗时%0.2f" % (t_stop - t_start))
    return res		# 返回一个字符串

if __name__ == '__main__':
    # 获取cpu核心数
    print("cpu核心数为%d" % cpu_count())
    print("----start----")
    po = Pool(4)  # 4 个工作进程，提交 4 个任务
    for i in range(0, 4):
        ret = po.apply_async(worker, (i,))
        print(ret.get())		# 接收返回值并打印，同步阻塞
    po.close()  # 关闭进程池，关闭后po不再接收新的请求
    po.join()  # 等待po中所有子进程执行完成，必须放在close语句之后
    print("-----end-----")
