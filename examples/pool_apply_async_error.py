from multiprocessing import Pool

def worker(msg):
    print("%s开始执行" % msg)
    return 10 / msg  # msg 为 0 时抛出 ZeroDivisionError

if __name__ == '__main__':
    po = Pool(2)
    ret_list = [po.apply_async(worker, (i,)) for i in range(3)]
    po.close()
    po.join()
    print("-----end-----")  # 到这里为止，没有任何报错
    for ret in ret_list:
        try:
            print(ret.get())
        except ZeroDivisionError as e:
            print("get() 时才抛出异常:", repr(e))
