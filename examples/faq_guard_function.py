from multiprocessing import Pool, TimeoutError

if __name__ == '__main__':
    def square(x):  # 定义在 if __name__ == '__main__': 里面
        return x * x

    with Pool(1) as pool:
        result = pool.apply_async(square, (3,))
        try:
            print('结果：', result.get(timeout=2))
        except TimeoutError:
            print('等了 2 秒，结果还没有来')
