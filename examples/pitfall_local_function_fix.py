from functools import partial
from multiprocessing import Process


def greet(name):  # 定义在模块顶层：子进程按“模块名 + 函数名”就能找到它
    print('你好，' + name)


if __name__ == '__main__':
    p = Process(target=greet, args=('小明',))  # 要用的值通过参数传过去
    p.start()
    p.join()
    p = Process(target=partial(greet, '小红'))  # 或者把顶层函数和参数包成一个 partial
    p.start()
    p.join()
