import signal
import time
from multiprocessing import Pool


def slow(x):
    time.sleep(30)
    return x


if __name__ == "__main__":
    # 创建进程池时暂时忽略 Ctrl+C：工作进程从一出生就继承“忽略”，由主进程统一处理
    default_handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    pool = Pool(2)
    signal.signal(signal.SIGINT, default_handler)
    try:
        print("开始计算，按 Ctrl+C 中断")
        pool.map(slow, range(4))
    except KeyboardInterrupt:
        print("收到 Ctrl+C，结束工作进程")
        pool.terminate()
    else:
        pool.close()
    pool.join()
    print("已退出")
