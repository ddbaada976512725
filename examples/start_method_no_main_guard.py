from multiprocessing import Process

def run_proc():
    """子进程要执行的代码"""
    print('子进程运行中')

# 没有写 if __name__ == '__main__':
p = Process(target=run_proc)
p.start()
p.join()
print('子进程的退出码: %d' % p.exitcode)
