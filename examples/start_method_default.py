import multiprocessing

if __name__ == '__main__':
    # 没有调用 set_start_method()：得到的是本平台、本 Python 版本的默认启动方式
    print('默认的启动方式:', multiprocessing.get_start_method())
