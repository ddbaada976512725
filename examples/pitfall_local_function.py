from multiprocessing import Process


def start_greeter(name):
    def greet():  # 定义在函数里面的函数（闭包）：只有这一次 start_greeter() 调用知道它
        print('你好，' + name)

    p = Process(target=greet)
    p.start()
    return p


if __name__ == '__main__':
    try:
        start_greeter('小明').join()
    except Exception as error:  # 只打印错误回溯的最后一行
        print(f'{type(error).__name__}: {error}')
