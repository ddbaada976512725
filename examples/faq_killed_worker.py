import os
from multiprocessing import Pool, TimeoutError


def crash(x):
    os._exit(1)  # 工作进程突然死掉，就像被系统杀掉一样


if __name__ == '__main__':
    with Pool(2) as pool:
        result = pool.apply_async(crash, (1,))
        try:
            result.get(timeout=1)
        except TimeoutError:
            print('等了 1 秒还没有结果：工作进程死了，进程池补上了新的，任务却丢了')
