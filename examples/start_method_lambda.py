from multiprocessing import Process

if __name__ == '__main__':
    # 在 fork 方式下写惯了的写法：把 lambda 直接交给子进程
    p = Process(target=lambda: print('子进程运行中'))
    p.start()
    p.join()
    print('子进程的退出码: %d' % p.exitcode)
