"""Build ``src/mlepath/extract/data/taxonomy.json`` from O*NET 29.2 plus a hand-curated layer.

Usage (from the repo root, with ../shared beside it):

    python scripts/build_taxonomy.py                       # default O*NET path and output
    python scripts/build_taxonomy.py --onet ../shared/data/onet_29_2 --out src/.../taxonomy.json

Two layers:
1. CURATED (below, written by hand): the ML/MLOps/data/software skills postings ask for, with
   stable ids (the market report checks ``python``, ``java``, ``distributed_systems``, ``apis``,
   ``pytorch``, ``tensorflow``, ``docker``, ``kubernetes``, ``sagemaker``), aliases, and guard
   rules for ambiguous names.
2. O*NET 29.2 ``Technology Skills.txt`` (CC BY 4.0): the technology examples listed for data,
   statistics and software occupations. An example that names a curated skill adds its O*NET
   spelling as an alias ("Oracle Java" -> java); the rest become skills of their own, with the
   category taken from the O*NET commodity title. Office, ERP, CRM, graphics and other
   commodity classes that say nothing about ML/SE skill are skipped.

The output is deterministic (sorted), so a rebuild without source changes gives no diff.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ONET = REPO.parent / "shared" / "data" / "onet_29_2"
DEFAULT_OUT = REPO / "src" / "mlepath" / "extract" / "data" / "taxonomy.json"
TAXONOMY_VERSION = "2026.11.1"

# --- guard rules (evaluated by mlepath.extract._skills on the original text) -----------------
_LANG_CUES = ["programming", "language", "languages", "coding", "code", "scripting",
              "developer", "development", "software", "packages?", "libraries", "library",
              "frameworks?", "statistical", "proficien\\w*"]
_PREV_LABEL = (r"(?:section|form|schedule|part|class|type|plan|grade|vitamin|series|tier|"
               r"appendix|exhibit|item|category|level|phase|building|suite|room|unit|hepatitis)\s*$")
GUARDS: dict[str, dict[str, object]] = {
    # "R, Python and SQL" yes; "R&D", "Section R", "A/R", "R-squared", "R.J." no.
    "r_lang": {"surfaces": ["R"], "reject_next": r"\s*&|\.\w|-\w|/\d|'\w\w",
               "reject_prev": _PREV_LABEL + r"|(?:^|[^A-Za-z])[A-Za-z]\s*[/&]\s*$|[&-]\s*$",
               "needs_context": True,
               "cue_words": [*_LANG_CUES, "rstudio", "tidyverse", "ggplot2?", "dplyr", "cran"]},
    # "C/C++", "C, Java" yes; "C-suite", "Series C", "C.V.", "grade C" no.
    "c_lang": {"surfaces": ["C"], "reject_next": r"-\w|\.\w|\s*&|'s\b|\s+(?:corp|suite|level)\b",
               "reject_prev": _PREV_LABEL + r"|(?:^|[^A-Za-z])[A-Za-z]\s*[/&]\s*$|[&-]\s*$",
               "needs_context": True, "cue_words": [*_LANG_CUES, "embedded", "firmware"]},
    # "Go, Python" / "Go (Golang)" yes; "go to market", "Go beyond", "Go-live" no.
    "go_lang": {"surfaces": ["Go"], "reject_next": (
        r"-\w|\s+(?:to|ahead|beyond|above|live|back|forward|further|deep|out|on|through|into|"
        r"get|for|from|with|the|a|an|hand|about|over|by|far|all|big|home|after|where|"
        r"wherever|faster|fast|places|above)\b"),
                "reject_prev": r"(?:let'?s|let’s|ready to|on the|to|will|can|we|you)\s*$",
                "needs_context": True, "cue_words": [*_LANG_CUES, "golang", "backend"]},
    # Capitalised brand names that are also English words or first names: "Spark", "Rust",
    # "Julia", "Scala", "Swift", "Ray", "Dash", "Chef", "Helm", "React" ... need the capital
    # and a technical neighbour (another skill, or a cue word) within the window.
    "brand_word": {"match_case": True, "needs_context": True,
                   "reject_prev": r"(?:[A-Za-z]-|mr\.?|ms\.?|mrs\.?|dr\.?)\s*$",
                   "cue_words": [*_LANG_CUES, "big data", "distributed", "clusters?", "pipelines?",
                                 "etl", "stack", "tools?", "technolog\\w+", "platforms?",
                                 "cloud", "data engineering", "experience with", "familiarity"]},
    # "Excel" the spreadsheet: capital, and not the verb ("Excel in a fast-paced team").
    "excel": {"surfaces": ["Excel", "EXCEL"],
              "reject_next": r"\s+(?:in|at|as|with|within|when|by|under|on|across|through)\b"},
    # An all-caps acronym that is also a word or a name in lower case ("JAX", "SAS", "REST").
    "acronym_case": {"match_case": True},
}

# --- the curated layer: id | name | category | aliases (";"-separated) ------------------------
# An alias (or the name) written "Text@guard" is guarded. Keep ids stable: stores and reports
# key on them.
CURATED = r"""
python|Python|programming_language|python3;python 3;python programming
java|Java|programming_language|java 8;java 11;java 17;core java;oracle java
javascript|JavaScript|programming_language|js;ecmascript;java script
typescript|TypeScript|programming_language|TS@acronym_case
c|C@c_lang|programming_language|c programming;ansi c;c language
cpp|C++|programming_language|cpp;c plus plus;modern c++;c++11;c++14;c++17;c++20
csharp|C#|programming_language|c sharp;c#.net
go|Go@go_lang|programming_language|golang;go programming;go language;go lang
rust|Rust@brand_word|programming_language|rust programming;rust language;rustlang
scala|Scala@brand_word|programming_language|scala programming
r|R@r_lang|programming_language|r programming;r language;rstudio;r studio;tidyverse;r/shiny;r shiny
julia|Julia@brand_word|programming_language|julia language;julia programming
sql|SQL|programming_language|structured query language;structured query language sql;t-sql;tsql;transact-sql;pl/sql;plsql;ansi sql;sql queries;spark sql;hiveql;hql
matlab|MATLAB|programming_language|the mathworks matlab;matlab software;simulink
sas|SAS@acronym_case|programming_language|sas software;sas programming;sas enterprise miner;sas/stat
kotlin|Kotlin|programming_language|
swift|Swift@brand_word|programming_language|swift programming;swiftui
ruby|Ruby@brand_word|programming_language|ruby on rails;Rails@brand_word
php|PHP|programming_language|
perl|Perl|programming_language|
bash|Bash|programming_language|shell scripting;shell scripts;shell script;bash scripting;unix shell;zsh
haskell|Haskell|programming_language|
lua|Lua|programming_language|
objective_c|Objective-C|programming_language|objective c;objc
fortran|Fortran|programming_language|
cuda|CUDA|programming_language|cuda programming;cudnn
dotnet|.NET|software_engineering|.net core;dotnet;asp.net;.net framework;microsoft .net framework
html_css|HTML/CSS|software_engineering|html;css;html5;css3
stata|Stata|statistics_math|statacorp stata
spss|SPSS|statistics_math|ibm spss;ibm spss statistics;spss statistics
pytorch|PyTorch|ml_framework|Torch@brand_word;pytorch lightning;lightning ai;libtorch;torchvision
tensorflow|TensorFlow|ml_framework|tensor flow;tf2;tensorflow 2;tfx;tensorflow extended;tensorflow lite;tflite
jax|JAX@acronym_case|ml_framework|flax
keras|Keras|ml_framework|tf.keras
scikit_learn|scikit-learn|ml_framework|scikit learn;sklearn;scikit;sci-kit learn
xgboost|XGBoost|ml_framework|xg boost
lightgbm|LightGBM|ml_framework|light gbm
catboost|CatBoost|ml_framework|
hugging_face|Hugging Face|ml_framework|huggingface;hugging face transformers;huggingface transformers;hf transformers
pandas|pandas|ml_framework|
numpy|NumPy|ml_framework|num py
scipy|SciPy|ml_framework|
statsmodels|statsmodels|ml_framework|
spacy|spaCy|ml_framework|
nltk|NLTK|ml_framework|
opencv|OpenCV|ml_framework|open cv
mxnet|MXNet|ml_framework|apache mxnet
onnx|ONNX|ml_framework|onnx runtime;onnxruntime
tensorrt|TensorRT|ml_framework|
deepspeed|DeepSpeed|ml_framework|megatron;megatron-lm
fastai|fastai|ml_framework|fast.ai
langchain|LangChain|ml_framework|langgraph
llamaindex|LlamaIndex|ml_framework|llama index;llama-index
vllm|vLLM|ml_framework|
matplotlib|Matplotlib|ml_framework|seaborn
plotly|Plotly|ml_framework|plotly dash;Dash@brand_word
streamlit|Streamlit|ml_framework|gradio
pymc|PyMC|ml_framework|pymc3;Stan@brand_word;pystan
optuna|Optuna|ml_framework|hyperopt
ray|Ray@brand_word|ml_framework|ray tune;ray serve;anyscale;rllib
dask|Dask|data_engineering|rapids;cudf
relational_databases|Relational databases|data_engineering|relational database;rdbms;sqlite;duckdb;influxdb;timescaledb
automl|AutoML|mlops|auto-ml;automated machine learning;h2o.ai;autogluon;datarobot
explainability|Model explainability|ml_technique|explainable ai;XAI@acronym_case;shap;LIME@acronym_case;model interpretability;interpretability;interpretable machine learning;responsible ai
robotics|Robotics|ml_technique|ROS@acronym_case;ros2;robot learning;SLAM@acronym_case;motion planning;robotic manipulation
polars|Polars|data_engineering|
openai_api|OpenAI API|ml_framework|openai;openai apis;openai chatgpt;chatgpt;gpt-4;gpt-4o;azure openai
mlflow|MLflow|mlops|ml flow
kubeflow|Kubeflow|mlops|kubeflow pipelines
sagemaker|SageMaker|mlops|aws sagemaker;amazon sagemaker;amazon web services aws sagemaker;sage maker
vertex_ai|Vertex AI|mlops|google vertex ai;vertex;gcp vertex ai;vertexai
azure_ml|Azure Machine Learning|mlops|azure ml;azureml;azure machine learning studio
databricks|Databricks|data_engineering|databricks lakehouse;unity catalog
docker|Docker|mlops|docker containers;dockerfile;containerization;containerisation;containers
kubernetes|Kubernetes|mlops|k8s;kubernetes engine;gke;aks;eks;openshift
wandb|Weights & Biases|mlops|weights and biases;wandb;w&b
dvc|DVC|mlops|data version control
feature_store|Feature stores|mlops|feature store;Feast@brand_word;tecton
model_monitoring|Model monitoring|mlops|ml monitoring;model observability;drift detection;data drift;model drift;evidently;arize
model_serving|Model deployment and serving|mlops|model deployment;model serving;deploying models;deploy models;model inference;inference serving;torchserve;tensorflow serving;tf serving;triton inference server;bentoml;seldon;kserve;ml deployment
mlops|MLOps|mlops|ml ops;machine learning operations;llmops;ml infrastructure;ml platform;ml pipelines;machine learning pipelines
experiment_tracking|Experiment tracking|mlops|model registry;experiment management
airflow|Airflow|data_engineering|apache airflow;mwaa
spark|Spark@brand_word|data_engineering|apache spark;pyspark;spark streaming;sparksql;spark mllib;mllib
kafka|Kafka|data_engineering|apache kafka;confluent kafka;kafka streams
hadoop|Hadoop|data_engineering|apache hadoop;hdfs;mapreduce;map reduce;mapreduce big data software
hive|Hive@brand_word|data_engineering|apache hive
flink|Flink|data_engineering|apache flink
beam|Apache Beam|data_engineering|Beam@brand_word
snowflake|Snowflake@brand_word|data_engineering|snowflake data cloud;snowpark
bigquery|BigQuery|data_engineering|big query;google bigquery
redshift|Redshift|data_engineering|amazon redshift;aws redshift
dbt|dbt|data_engineering|data build tool;dbt cloud;dbt core
etl|ETL|data_engineering|elt;etl pipelines;etl processes;extract, transform, load;data ingestion
data_pipelines|Data pipelines|data_engineering|data pipeline;pipeline development;data workflows;data orchestration
data_warehousing|Data warehousing|data_engineering|data warehouse;data warehouses;data lake;data lakes;lakehouse;data lakehouse;data modeling;data modelling;dimensional modeling
nosql|NoSQL|data_engineering|no sql;non-relational databases
postgresql|PostgreSQL|data_engineering|postgres;postgre sql;psql
mysql|MySQL|data_engineering|my sql;mariadb
mongodb|MongoDB|data_engineering|mongo db;mongo
cassandra|Cassandra|data_engineering|apache cassandra
redis|Redis|data_engineering|
elasticsearch|Elasticsearch|data_engineering|elastic search;opensearch;elk stack
dynamodb|DynamoDB|data_engineering|dynamo db;amazon dynamodb
sql_server|SQL Server|data_engineering|microsoft sql server;ms sql server;mssql;ssis;ssrs
oracle_db|Oracle Database|data_engineering|oracle db;oracle database;Oracle@brand_word
presto|Presto|data_engineering|trino;athena;amazon athena
delta_lake|Delta Lake|data_engineering|apache iceberg;Iceberg@brand_word;apache hudi;parquet;apache parquet
kinesis|Kinesis|data_engineering|amazon kinesis;aws kinesis
neo4j|Neo4j|data_engineering|graph databases;graph database
vector_databases|Vector databases|data_engineering|vector database;vector db;vector dbs;vector store;vector stores;vector search;pinecone;weaviate;milvus;faiss;qdrant;chromadb;pgvector
tableau|Tableau|data_engineering|tableau desktop;tableau server
power_bi|Power BI|data_engineering|powerbi;microsoft power bi;power bi desktop;DAX@acronym_case
looker|Looker|data_engineering|google looker;looker studio;google looker analytics;data studio
excel|Excel@excel|data_engineering|microsoft excel;ms excel;excel vba;vba;advanced excel;spreadsheets
alteryx|Alteryx|data_engineering|alteryx software
aws|AWS|cloud|amazon web services;amazon web services aws software;aws cloud;amazon aws;amazon rds;aws rds;RDS@acronym_case;ECS@acronym_case;amazon ecs;amazon sqs;aws cdk
azure|Azure|cloud|microsoft azure;microsoft azure software;azure cloud
gcp|Google Cloud|cloud|gcp;google cloud platform;google cloud software;google cloud platform gcp
aws_ec2|Amazon EC2|cloud|ec2;amazon elastic compute cloud;amazon elastic compute cloud ec2
aws_s3|Amazon S3|cloud|s3;amazon simple storage service;amazon simple storage service s3
aws_lambda|AWS Lambda|cloud|lambda functions;amazon lambda
aws_emr|Amazon EMR|cloud|emr;elastic mapreduce;aws glue;glue jobs
aws_bedrock|Amazon Bedrock|cloud|aws bedrock;Bedrock@brand_word
terraform|Terraform|cloud|infrastructure as code;iac;cloudformation;aws cloudformation;pulumi
serverless|Serverless|cloud|serverless computing;serverless architecture
cloud_computing|Cloud computing|cloud|cloud platforms;cloud platform;cloud services;cloud infrastructure;cloud environments;cloud-native;cloud native
machine_learning|Machine learning|ml_technique|ml;machine-learning;ml models;machine learning models;ml algorithms;machine learning algorithms;statistical learning
deep_learning|Deep learning|ml_technique|deep neural networks;neural networks;neural network;dnn;dnns
nlp|Natural language processing|ml_technique|nlp;natural language understanding;nlu;text mining;text analytics;language models;computational linguistics;named entity recognition;NER@acronym_case;nlg;natural language generation;corenlp;sentiment analysis;topic modeling
computer_vision|Computer vision|ml_technique|image recognition;image processing;object detection;image classification;image segmentation;semantic segmentation;video understanding;ocr;optical character recognition;lidar;point clouds;3d vision;video analytics
llms|Large language models|ml_technique|llm;llms;large language model;foundation models;foundation model;gpt;generative pre-trained transformers;vlm;vlms;vision-language models;vision language models;slm;slms;small language models;multimodal llms
generative_ai|Generative AI|ml_technique|genai;gen ai;generative models;generative modeling;diffusion models;gans;gan;generative adversarial networks;stable diffusion;vae;vaes;variational autoencoders;autoencoders
rag|Retrieval-augmented generation|ml_technique|RAG@acronym_case;retrieval augmented generation;retrieval-augmented generation (rag)
transformers|Transformers|ml_technique|transformer models;transformer architectures;transformer architecture;attention mechanisms;bert;gpt-style;vision transformers
fine_tuning|Fine-tuning|ml_technique|fine tuning;finetuning;lora;peft;rlhf;instruction tuning;sft;qlora;DPO@acronym_case;direct preference optimization;parameter-efficient fine-tuning
prompt_engineering|Prompt engineering|ml_technique|prompt design;prompting;prompt tuning
ai_agents|AI agents|ml_technique|agentic ai;agentic systems;agentic workflows;llm agents;multi-agent systems;tool calling;function calling;model context protocol;MCP@acronym_case;crewai;autogen;dspy;agent frameworks
embeddings|Embeddings|ml_technique|embedding models;vector embeddings;word embeddings;representation learning
recommender_systems|Recommender systems|ml_technique|recommendation systems;recommendation system;recommender system;recommendation engines;recommendations;personalization;collaborative filtering
search_ranking|Search and ranking|ml_technique|information retrieval;learning to rank;ranking models;search relevance;semantic search;search ranking;bm25;ndcg;learning-to-rank;retrieval systems
reinforcement_learning|Reinforcement learning|ml_technique|RL@acronym_case;deep reinforcement learning;multi-armed bandits;bandits;contextual bandits
time_series|Time series|ml_technique|time series analysis;time-series;time series forecasting;forecasting;demand forecasting;arima;sarima;sarimax;exponential smoothing;state space models
anomaly_detection|Anomaly detection|ml_technique|outlier detection;fraud detection
speech|Speech recognition|ml_technique|asr;automatic speech recognition;speech processing;text-to-speech;TTS@acronym_case;audio processing
graph_ml|Graph machine learning|ml_technique|graph neural networks;gnn;gnns;graph ml;knowledge graphs;knowledge graph;sparql;RDF@acronym_case;semantic web;ontologies;ontology engineering
supervised_learning|Supervised learning|ml_technique|classification;regression models;supervised and unsupervised learning;unsupervised learning;clustering;decision trees;random forests;random forest;gradient boosting;boosted trees;support vector machines;svm;logistic regression;ensemble methods;PCA@acronym_case;principal component analysis;dimensionality reduction;k-nearest neighbors;knn;k-nn;dbscan;k-means;kmeans;naive bayes
cnn_rnn|CNNs and RNNs|ml_technique|cnn;cnns;convolutional neural networks;rnn;rnns;recurrent neural networks;lstm;lstms
feature_engineering|Feature engineering|ml_technique|feature extraction;feature selection
model_evaluation|Model evaluation|ml_technique|model validation;model performance;hyperparameter tuning;hyperparameter optimization;cross-validation;cross validation
transfer_learning|Transfer learning|ml_technique|self-supervised learning;few-shot learning;zero-shot learning;multimodal;multi-modal;multimodal models
model_optimization|Model optimization|ml_technique|quantization;model compression;distillation;knowledge distillation;pruning;distributed training;gpu programming;model parallelism;gpu computing;multi-gpu;hpc;high-performance computing;high performance computing;MPI@acronym_case;nccl;fsdp;model parallel;data parallel;tpu;tpus
predictive_modeling|Predictive modeling|ml_technique|predictive modelling;predictive analytics;predictive models;statistical modeling;statistical modelling;statistical models
data_analysis|Data analysis|ml_technique|data science;data mining;data analytics;exploratory data analysis;EDA@acronym_case;data visualization;data visualisation;quantitative analysis
statistics|Statistics|statistics_math|statistical analysis;statistical methods;statistical techniques;applied statistics;inferential statistics;mathematical statistics;statistical inference;statistical concepts
probability|Probability|statistics_math|probability theory;stochastic processes;probability and statistics
linear_algebra|Linear algebra|statistics_math|matrix algebra;calculus;multivariable calculus;numerical methods;numerical analysis;discrete mathematics
ab_testing|A/B testing|statistics_math|a/b tests;a/b test;ab testing;split testing;experimentation;experimental design;design of experiments;online experiments;controlled experiments;multivariate testing
hypothesis_testing|Hypothesis testing|statistics_math|hypothesis tests;significance testing;statistical significance;power analysis;anova;t-tests;t-test;chi-square
bayesian|Bayesian statistics|statistics_math|bayesian methods;bayesian inference;bayesian modeling;bayesian modelling;bayesian statistics;bayesian optimization;probabilistic modeling;probabilistic programming
causal_inference|Causal inference|statistics_math|causal modeling;causal analysis;econometrics;uplift modeling;difference-in-differences;propensity score matching;instrumental variables
regression_analysis|Regression analysis|statistics_math|linear regression;regression analysis;generalized linear models;glm;glms;mixed effects models;survival analysis;lasso;ridge regression;regularization
optimization|Mathematical optimization|statistics_math|convex optimization;linear programming;integer programming;mixed-integer programming;operations research;stochastic optimization;optimization algorithms;numerical optimization
distributed_systems|Distributed systems|software_engineering|distributed system;distributed computing;scalable systems;large-scale systems;large scale systems;large-scale distributed systems;scalable distributed systems;high-scale systems;highly scalable systems;scalable software;scalable architectures;distributed architectures;high-throughput systems;low-latency systems;high availability;fault-tolerant systems;scalability
apis|APIs|software_engineering|api;rest api;rest apis;restful api;restful apis;restful;REST@acronym_case;web services;api design;api development;apis and services;grpc;graphql;restful web services;web apis
microservices|Microservices|software_engineering|microservice;micro-services;microservices architecture;service-oriented architecture;SOA@acronym_case
ci_cd|CI/CD|software_engineering|ci cd;ci/cd pipelines;continuous integration;continuous delivery;continuous deployment;github actions;gitlab ci;Jenkins@brand_word;jenkins ci;circleci
git|Git|software_engineering|github;gitlab;bitbucket;version control;source control;version control systems
linux|Linux|software_engineering|unix;unix/linux;linux/unix;red hat linux;ubuntu
devops|DevOps|software_engineering|dev ops;site reliability engineering;SRE@acronym_case;observability;prometheus;grafana;datadog
testing|Software testing|software_engineering|unit testing;unit tests;test-driven development;tdd;integration testing;automated testing;test automation;pytest;junit;regression testing
system_design|System design|software_engineering|systems design;software architecture;system architecture;software design;design patterns;architecture design
oop|Object-oriented programming|software_engineering|object oriented programming;oop;object-oriented design;object oriented design;OOD@acronym_case
algorithms|Data structures and algorithms|software_engineering|data structures;algorithms and data structures;algorithm design;computer science fundamentals;cs fundamentals
backend|Backend development|software_engineering|backend;back-end;back end;backend services;server-side;backend systems;backend engineering
frontend|Frontend development|software_engineering|frontend;front-end;front end;React@brand_word;react.js;reactjs;Angular@brand_word;angularjs;vue.js;vue;next.js;d3.js;d3js
nodejs|Node.js|software_engineering|node;nodejs;node js;express.js
web_frameworks|Python web frameworks|software_engineering|django;flask;fastapi;spring boot;spring framework
agile|Agile|software_engineering|scrum;agile methodologies;agile development;kanban;jira;atlassian jira;confluence;atlassian confluence
code_review|Code review|software_engineering|code reviews;software engineering best practices;clean code;engineering best practices
security|Security engineering|software_engineering|application security;cybersecurity;cyber security;secure coding
communication|Communication|soft_skill|communication skills;written communication;verbal communication;written and verbal communication;verbal and written communication;communicate effectively;presentation skills;storytelling;data storytelling;interpersonal skills
collaboration|Collaboration|soft_skill|teamwork;team player;cross-functional collaboration;collaborative;work collaboratively;cross-functional teams;cross functional teams
leadership|Leadership|soft_skill|technical leadership;team leadership;lead teams;thought leadership
mentoring|Mentoring|soft_skill|mentorship;mentor junior;coaching
problem_solving|Problem solving|soft_skill|problem-solving;problem solver;analytical skills;critical thinking;analytical thinking;troubleshooting
stakeholder_management|Stakeholder management|soft_skill|stakeholder communication;stakeholder engagement;business acumen;product sense;product intuition
ownership|Ownership|soft_skill|self-starter;self-motivated;autonomy;independently;attention to detail;detail-oriented;time management;adaptability;curiosity;intellectual curiosity
"""

# --- O*NET selection -------------------------------------------------------------------------
# Every example for the occupations closest to ML work; only hot/in-demand examples for the
# broader software and database occupations (their long tails are vendor products nobody asks
# an ML engineer for).
ONET_ALL = ("15-2051.00", "15-2041.00", "15-2041.01", "15-1221.00")
ONET_HOT = ("15-1252.00", "15-1243.00", "15-1243.01", "15-1242.00", "15-2031.00", "15-1299.08",
            "15-1253.00", "15-1254.00", "15-1211.00")
COMMODITY_CATEGORY = {
    "Object or component oriented development software": "software_engineering",
    "Development environment software": "software_engineering",
    "Compiler and decompiler software": "software_engineering",
    "Program testing software": "software_engineering",
    "Web platform development software": "software_engineering",
    "Graphical user interface development software": "software_engineering",
    "File versioning software": "software_engineering",
    "Configuration management software": "software_engineering",
    "Application server software": "software_engineering",
    "Operating system software": "software_engineering",
    "Data base management system software": "data_engineering",
    "Data base user interface and query software": "data_engineering",
    "Data base reporting software": "data_engineering",
    "Business intelligence and data analysis software": "data_engineering",
    "Object oriented data base management software": "data_engineering",
    "Data mining software": "data_engineering",
    "Metadata management software": "data_engineering",
    "Enterprise application integration software": "data_engineering",
    "Cloud-based data access and sharing software": "cloud",
    "Cloud-based management software": "cloud",
    "Analytical or scientific software": "statistics_math",
    "Procedure management software": "data_engineering",
}
VENDORS = ("Amazon Web Services AWS ", "Amazon Web Services ", "Amazon ", "Apache ", "Microsoft ",
           "Oracle ", "IBM ", "Google ", "The MathWorks ", "StataCorp ", "Atlassian ", "SAP ",
           "Adobe ", "Qlik Tech ", "Red Hat ", "Salesforce ", "Informatica ", "Teradata ",
           "Facebook ", "Meta ", "Sun Microsystems ", "JetBrains ", "Eclipse ", "Docker ", "Elastic ", "Splunk ")
# Vendor-stripped names that are ordinary English words: matched only with the vendor prefix.
COMMON_WORDS = {
    "access", "word", "project", "teams", "office", "outlook", "publisher", "visio", "dynamics",
    "windows", "server", "database", "studio", "cloud", "analytics", "forms", "reports",
    "designer", "developer", "sharepoint", "exchange", "edge", "notes", "connect", "fusion",
    "data", "script", "shell", "make", "ant", "maven", "storm", "spring", "express", "unity",
    "react", "vision", "watson", "translator", "sheets", "docs", "drive", "chrome", "git",
    "enterprise", "solutions", "systems", "software", "platform", "services", "tools",
}
# Collaboration/OS/device tools that O*NET lists for these occupations but that say nothing about
# ML or software-engineering skill.
SKIP_EXAMPLES = {"Slack", "Microsoft SharePoint", "Microsoft Windows", "Microsoft Windows XP",
                 "Apple macOS", "Magellan Firmware", "Polhemus Fasttrack System", "Augmint",
                 "Figma"}
_TRAILING_ACRONYM = re.compile(r"^(?P<long>.+?)\s+(?P<acr>[A-Z][A-Z0-9]{1,6})$")


def _parse_curated() -> tuple[list[dict[str, object]], dict[str, str]]:
    skills: list[dict[str, object]] = []
    alias_owner: dict[str, str] = {}
    for line in CURATED.strip().splitlines():
        sid, name, category, alias_field = (part.strip() for part in line.split("|"))
        guarded: dict[str, str] = {}

        def split_guard(text: str, guarded: dict[str, str] = guarded) -> str:
            if "@" in text and not text.startswith("@"):
                text, guard = text.rsplit("@", 1)
                guarded[text.lower()] = guard
            return text

        name = split_guard(name)
        aliases = [split_guard(a.strip()) for a in alias_field.split(";") if a.strip()]
        for a in (name, *aliases):
            if a.lower() in alias_owner and alias_owner[a.lower()] != sid:
                sys.exit(f"curated alias {a!r} claimed by both {alias_owner[a.lower()]} and {sid}")
            alias_owner[a.lower()] = sid
        skills.append({"id": sid, "name": name, "category": category, "aliases": aliases,
                       "guarded": guarded, "sources": ["curated"]})
    return skills, alias_owner


def _variants(example: str) -> list[str]:
    """O*NET spellings of one product: as written, without ' software', vendor-less, acronym."""
    out = [example]
    base = re.sub(r"\s+(?:software|systems?)$", "", example)
    out.append(base)
    for vendor in VENDORS:
        if base.startswith(vendor) and len(base) > len(vendor) + 1:
            out.append(base[len(vendor):])
            break
    m = _TRAILING_ACRONYM.match(out[-1])
    # "Structured query language SQL" -> also "SQL"; but "Power BI" is one name, not two.
    if m and " " in m.group("long") and m.group("acr")[0] == m.group("long")[0].upper():
        out += [m.group("long"), m.group("acr")]
    seen: list[str] = []
    for v in out:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return seen


def _slug(name: str) -> str:
    s = name.lower().replace("+", "p").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def _looks_generic(name: str) -> bool:
    """'Statistical', 'Business intelligence', 'Reporting': descriptions, not products."""
    words = name.split()
    if len(words) == 1:
        return name[0].isupper() and name[1:].islower() and name.lower() in _GENERIC_SINGLE
    return all(w.islower() for w in words[1:]) and not any(c.isdigit() for c in name)


_GENERIC_SINGLE = {"statistical", "mathematical", "reporting", "scheduling", "compiler",
                   "debugging", "simulation", "modeling", "mapping", "graphics", "backup",
                   "algorithmic", "database", "scientific", "analytical"}


def _add_onet(skills: list[dict[str, object]], alias_owner: dict[str, str], onet_dir: Path,
              ) -> dict[str, int]:
    by_id = {str(s["id"]): s for s in skills}
    rows_used = 0
    new_skills = 0
    merged = 0
    path = onet_dir / "Technology Skills.txt"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        seen_examples: set[str] = set()
        for row in reader:
            code = row["O*NET-SOC Code"]
            hot = row["Hot Technology"] == "Y" or row["In Demand"] == "Y"
            if not (code in ONET_ALL or (code in ONET_HOT and hot)):
                continue
            example = row["Example"].strip()
            if example in SKIP_EXAMPLES:
                continue
            category = COMMODITY_CATEGORY.get(row["Commodity Title"])
            if example in seen_examples:
                continue
            seen_examples.add(example)
            variants = _variants(example)
            owner = next((alias_owner[v.lower()] for v in variants if v.lower() in alias_owner), None)
            if owner is not None:
                skill = by_id[owner]
                aliases = skill["aliases"]
                assert isinstance(aliases, list)
                for v in variants:
                    if v.lower() not in alias_owner and v.lower() not in COMMON_WORDS and len(v) > 2:
                        aliases.append(v)
                        alias_owner[v.lower()] = owner
                sources = skill["sources"]
                assert isinstance(sources, list)
                if "onet" not in sources:
                    sources.append("onet")
                merged += 1
                rows_used += 1
                continue
            if category is None:
                continue
            # The name keeps the vendor ("Apache Pig", "IBM DB2"): unambiguous and recognisable.
            name = re.sub(r"\s+(?:software|systems?)$", "", example)
            if _looks_generic(re.sub(r"\s+(?:software|systems?)$", "", example)):
                continue
            sid = _slug(name)
            if not sid or sid in by_id:
                continue
            aliases_new: list[str] = []
            guarded: dict[str, str] = {}
            for v in variants:
                key = v.lower()
                if key in alias_owner or key in COMMON_WORDS or len(v) < 2:
                    continue
                aliases_new.append(v)
                alias_owner[key] = sid
                # A one-word product name that is also an ordinary word in lower case needs
                # the brand's capitalisation and a technical neighbour.
                if " " not in v and v[:1].isupper() and v[1:].islower():
                    guarded[key] = "brand_word"
                # O*NET acronyms ("PASS", "XP", "ORM") are words in lower case: match the caps.
                elif re.fullmatch(r"[A-Z][A-Z0-9]{1,6}", v):
                    guarded[key] = "acronym_case"
            if not aliases_new:
                continue
            if name.lower() not in alias_owner or alias_owner[name.lower()] != sid:
                name = aliases_new[0]
            skill = {"id": sid, "name": name, "category": category,
                     "aliases": [a for a in aliases_new if a != name], "guarded": guarded,
                     "sources": ["onet"]}
            skills.append(skill)
            by_id[sid] = skill
            new_skills += 1
            rows_used += 1
    return {"onet_examples_used": rows_used, "onet_merged_into_curated": merged,
            "onet_new_skills": new_skills}


def build(onet_dir: Path) -> dict[str, object]:
    skills, alias_owner = _parse_curated()
    stats = _add_onet(skills, alias_owner, onet_dir)
    taken = {a.lower() for s in skills for a in (str(s["name"]), *s["aliases"])}  # type: ignore[misc]
    for s in skills:
        aliases = s["aliases"]
        assert isinstance(aliases, list)
        # Tag-style spellings: "amazon-web-services", "machine-learning".
        for a in [str(s["name"]), *aliases]:
            if " " in a and a.replace(" ", "").isalnum() and a.lower() not in s.get("guarded", {}):
                variant = a.replace(" ", "-")
                if variant.lower() not in taken:
                    aliases.append(variant)
                    taken.add(variant.lower())
        s["aliases"] = sorted(set(aliases) - {s["name"]}, key=str.lower)
        if not s["guarded"]:
            del s["guarded"]
    skills.sort(key=lambda s: str(s["id"]))
    return {
        "meta": {
            "name": "mlepath skills taxonomy",
            "version": TAXONOMY_VERSION,
            "built_by": "scripts/build_taxonomy.py",
            "sources": [
                {"name": "mlepath curated ML/MLOps/software layer", "license": "MIT (this project)"},
                {"name": "O*NET 29.2 Database, Technology Skills (February 2025)",
                 "license": "CC BY 4.0",
                 "attribution": ("This taxonomy includes information from the O*NET 29.2 Database "
                                 "by the U.S. Department of Labor, Employment and Training "
                                 "Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
                                 "O*NET® is a trademark of USDOL/ETA. mlepath has modified all "
                                 "or some of this information. USDOL/ETA has not approved, "
                                 "endorsed, or tested these modifications."),
                 "url": "https://www.onetcenter.org/database.html",
                 "occupations_all_examples": list(ONET_ALL),
                 "occupations_hot_examples_only": list(ONET_HOT)},
            ],
            "categories": ["programming_language", "ml_framework", "mlops", "cloud",
                           "data_engineering", "statistics_math", "ml_technique",
                           "software_engineering", "soft_skill"],
            "counts": {"skills": len(skills), **stats},
        },
        "guards": GUARDS,
        "skills": skills,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--onet", type=Path, default=DEFAULT_ONET, help="O*NET 29.2 text-files folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    if not (args.onet / "Technology Skills.txt").is_file():
        sys.exit(f"no 'Technology Skills.txt' under {args.onet}; pass --onet <O*NET 29.2 folder>")
    data = build(args.onet)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        # One skill per line keeps diffs of the data file readable.
        fh.write('{"meta": ' + json.dumps(data["meta"], ensure_ascii=False) + ",\n")
        fh.write('"guards": ' + json.dumps(data["guards"], ensure_ascii=False) + ",\n")
        fh.write('"skills": [\n')
        skills = data["skills"]
        assert isinstance(skills, list)
        fh.write(",\n".join(json.dumps(s, ensure_ascii=False) for s in skills))
        fh.write("\n]}\n")
    meta = data["meta"]
    assert isinstance(meta, dict)
    print(f"wrote {args.out}: {meta['counts']}")


if __name__ == "__main__":
    main()
