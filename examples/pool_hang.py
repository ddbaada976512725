# 创建进程池的代码没有放在 if __name__ == '__main__': 之下
import multiprocessing
import sys


def square(x):
    return x * x


# Windows 和 macOS 默认用 spawn 启动方式；这里指定 spawn，让 Linux 上也一样
ctx = multiprocessing.get_context('spawn')
try:
    pool = ctx.Pool(1)
except RuntimeError:
    # 只有工作进程会走到这里：它导入本文件时，又要创建进程池
    print('工作进程导入本文件时出错：RuntimeError')
    sys.exit(1)

result = pool.apply_async(square, (3,))
try:
    answer = result.get(timeout=2)  # 最多等 2 秒，不让程序永远卡住
except multiprocessing.TimeoutError:
    answer = '2 秒内没有等到'
pool.terminate()  # 结束工作进程，程序才能退出
print('结果：', answer)
