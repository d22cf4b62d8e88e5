import asyncio

import requests

URLS = [
    "samples/harbour.png",
    "samples/lantern.png",
    "samples/mountain.png",
]
BASE = "http://localhost:8080/"    # 图片由本应用自己提供


async def download_image(url):
    # 发送网络请求，下载图片（遇到网络下载图片的IO请求，自动化切换到其他任务）
    print("开始下载:", url)
    loop = asyncio.get_running_loop()
    # requests模块默认不支持异步操作，所以就使用线程池来配合实现了。
    future = loop.run_in_executor(None, requests.get, BASE + url)
    response = await future
    print('下载完成')
    # 图片保存到本地文件
    file_name = url.rsplit('/')[-1]
    with open(file_name, mode='wb') as file_object:
        file_object.write(response.content)


async def main():
    tasks = [asyncio.create_task(download_image(url)) for url in URLS]
    await asyncio.wait(tasks)


asyncio.run(main())
