from multiprocessing import Manager, Process


def work(number, results):
    results['日志'].append('子进程 %d 完成' % number)  # 通过嵌套的代理追加


if __name__ == '__main__':
    with Manager() as manager:
        results = manager.dict()
        results['日志'] = manager.list()  # 值是管理进程里的列表
        workers = [Process(target=work, args=(n, results)) for n in range(3)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print(len(results['日志']), '行：', sorted(results['日志']))
