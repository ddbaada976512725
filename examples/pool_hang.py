# 创建进程池的代码没有放在 if __name__ == '__main__': 之下
import multiprocessing
import signal
import sys


def square(x):
    return x * x


# 忽略 SIGTERM（工作进程也继承这一点）：pool.terminate() 就不会在工作进程出错退出的途中结束它，
# 否则它来不及删除刚创建的信号量，程序结束后会多出一条泄漏警告
signal.signal(signal.SIGTERM, signal.SIG_IGN)

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
pool.terminate()  # 不再补上新的工作进程，等现有的退出
print('结果：', answer)
