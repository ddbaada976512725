from multiprocessing import Queue

if __name__ == '__main__':
    q: 'Queue[str]' = Queue()
    q.put('甲')
    try:
        q.join_thread()
    except AssertionError as e:
        print('close() 之前 join_thread()：%s' % e)
    q.close()  # 这个进程不再往队列里放数据了
    q.join_thread()  # 等馈送线程把“甲”写进管道
    try:
        q.put('乙')
    except ValueError as e:
        print('close() 之后 put()：%s' % e)
