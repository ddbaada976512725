import time
from multiprocessing import Pool


def slow_square(x):
    time.sleep(0.5)
    return x * x


if __name__ == '__main__':
    with Pool(2) as pool:
        result = pool.apply_async(slow_square, (3,))
    # 离开 with 块时调用了 pool.terminate()：工作进程被结束，任务没有做完
    print('with 块结束后，结果准备好了吗？', result.ready())

    with Pool(2) as pool:
        result = pool.apply_async(slow_square, (3,))
        print('在 with 块里取结果：', result.get())  # get() 等任务做完，再离开 with 块
