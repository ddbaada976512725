from multiprocessing import Manager, Process


def work(number, scores, log, status):
    scores[number] = number * 10  # 代理对象的用法和普通的 dict、list 一样
    log.append('子进程 %d 完成' % number)
    status.last = number  # Namespace：用属性存取


if __name__ == '__main__':
    with Manager() as manager:  # 启动一个管理进程；离开 with 时关闭它
        scores = manager.dict()
        log = manager.list()
        status = manager.Namespace()
        status.last = None
        workers = [Process(target=work, args=(n, scores, log, status)) for n in range(3)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print(sorted(scores.items()))
        print(sorted(log))
        print('最后完成的是 0、1、2 之一：', status.last in (0, 1, 2))
        print(type(scores).__name__, '→', type(scores.copy()).__name__)
