from multiprocessing import Process

def run_proc():
    """子进程要执行的代码"""

if __name__ == '__main__':
    try:
        Process(target=run_proc, group='下载组')
    except AssertionError as e:
        print('传入 group 时出错：%s' % e)
