-- wrk script: POST the same JSON body shadow-httpbench sends (mlflow dataframe_split, 10 features).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"dataframe_split":{"columns":["f0","f1","f2","f3","f4","f5","f6","f7","f8","f9"],"data":[[0,7.75,15.5,23.25,6.75,14.5,22.25,6,13.75,21.5]]}}'
