from multiprocessing import Process
import atexit

def goodbye():
    print('子进程的 atexit 函数执行了', flush=True)

def run_proc():
    """子进程要执行的代码"""
    atexit.register(goodbye)
    print('子进程正常结束')

if __name__ == '__main__':
    p = Process(target=run_proc)
    p.start()
    p.join()
    print('子进程的退出码: %d' % p.exitcode)
