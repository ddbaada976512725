from multiprocessing import Process

print('执行主模块的顶层代码，__name__ = %s' % __name__)

def run_proc():
    """子进程要执行的代码"""
    print('子进程运行中')

if __name__ == '__main__':
    for _ in range(2):
        p = Process(target=run_proc)
        p.start()
        p.join()
