from multiprocessing import Pool, cpu_count
import os, time, random

def worker(msg):
    t_start = time.time()
    print("%s开始执行,进程号为%d" % (msg, os.getpid()))
    # random.random()随机生成0~1之间的浮点数
    time.sleep(random.random() * 0.5)
    t_stop = time.time()
    res = str(msg) + ("执行完毕，耗时%0.2f" % (t_stop - t_start))
    print(res)
    return os.getpid()

if __name__ == '__main__':
    # 获取cpu核心数
    print("cpu核心数为%d" % cpu_count())
    po = Pool(4)  # 4 个工作进程，提交 4 个任务
    print("----start----")
    ret_list = po.map(worker, range(4))  # 阻塞，直到 4 个任务都完成；返回结果列表
    print("----end----")
    po.close()  # map() 不会关闭进程池，仍要自己 close() 和 join()
    po.join()
    print("----res----")
    for ret in ret_list:
        print(ret)  # map() 返回的已经是结果本身，不必 get()
